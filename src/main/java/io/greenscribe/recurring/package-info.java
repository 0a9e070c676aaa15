/** Recurring batches ("every night, this folder, done by 07:00") and the occurrences they open. */
package io.greenscribe.recurring;
