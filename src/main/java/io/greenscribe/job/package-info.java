/** Transcription jobs and batches: the REST API, the job aggregate and its state machine, JobService. */
package io.greenscribe.job;
