/** The job room's HTTP face: the jobs and batches REST API, the OpenAI-compatible endpoint, the demo run. */
package io.greenscribe.job.api;
