-- Per-job energy and CO2e (issue 4). V2 already holds energy_wh, gco2e and counterfactual_gco2e;
-- these say how the energy was obtained, what the grid's intensity was over the run and over a run
-- of the same length from submission (the counterfactual), the saving, the SCI figure, and why a
-- figure is missing when it is (meter or feed down).

alter table transcription_job
    add column energy_method            text,
    add column energy_detail            text,
    add column intensity_at_run         double precision,
    add column intensity_at_submission  double precision,
    add column intensity_signal         text check (intensity_signal in ('AVERAGE', 'MARGINAL')),
    add column intensity_source         text,
    add column saving_gco2e             double precision,
    add column sci_g_per_audio_hour     double precision,
    add column carbon_note              text;
