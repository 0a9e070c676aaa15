/** Cross-cutting pieces: the root exception, clock, security, error mapping, embedded PostgreSQL. */
package io.greenscribe.system;
