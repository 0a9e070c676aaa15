-- Energy split by what drew it, the embodied share, and the power model's calibration (issue 17).
-- energy_wh stays the total (cpu + memory + gpu, PUE included); energy_detail names the method and
-- its coefficients. embodied_gco2e is SCI's M for the run, kept apart from gco2e (operational).

alter table transcription_job
    add column energy_cpu_wh            double precision,
    add column energy_memory_wh         double precision,
    add column energy_gpu_wh            double precision,
    add column embodied_gco2e           double precision,
    add column energy_model_to_counter  double precision;
