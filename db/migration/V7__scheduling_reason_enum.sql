-- The scheduling reason is stored as the name of io.greenscribe.scheduling.SchedulingDecision.Reason
-- (GREENEST_WINDOW), no longer lowered ("greenest-window"). Every value written so far was either
-- a lowered enum name or one of "run-now", "not-before", "planner-error", "run-now-requested",
-- which are now enum values too; anything else (none is known) is cleared rather than left to
-- fail the JPA mapping, with the detail text kept.
update transcription_job
   set scheduling_reason = upper(replace(scheduling_reason, '-', '_'))
 where scheduling_reason is not null;

update transcription_job
   set scheduling_reason = null
 where scheduling_reason is not null
   and scheduling_reason not in ('RUN_NOW', 'NOT_BEFORE', 'PLANNER_ERROR', 'NO_DEADLINE', 'RUN_NOW_REQUESTED',
       'DEADLINE_TOO_TIGHT', 'GREENEST_NOW', 'GREENEST_WINDOW', 'SAVING_TOO_SMALL', 'CAPACITY_CONSTRAINED',
       'CAPACITY_EXHAUSTED', 'FEED_UNAVAILABLE', 'NO_FORECAST');
