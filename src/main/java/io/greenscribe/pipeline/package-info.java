/**
 * The Spring Batch job "transcribe": prepare audio → detect speech → partitioned, per-window
 * committed recognition → assemble. Restartable: a restart redoes nothing that finished.
 */
package io.greenscribe.pipeline;
