/** Cross-cutting pieces: the root exception, clock, security, error mapping. */
package io.greenscribe.system;
