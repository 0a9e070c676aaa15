/** Running a claimed job: the pipeline call, its energy and CO2e, metrics, and its completion notice. */
package io.greenscribe.worker;
