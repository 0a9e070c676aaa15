/** Running a claimed job: the pipeline call, its energy and CO2e, metrics and the completion webhook. */
package io.greenscribe.worker;
