-- What the carbon planner expected when it scheduled the job: the forecast intensity had the job
-- started as early as it could, and the saving the chosen start promises against that.
alter table transcription_job add column baseline_intensity double precision;
alter table transcription_job add column expected_saving_pct double precision;
