/** The PostgreSQL job queue: one-statement claims with SKIP LOCKED, leases, heartbeats and a reaper. */
package io.greenscribe.queue;
