/** Batches: many files submitted together with shared options, and their progress and totals. */
package io.greenscribe.job.batch;
