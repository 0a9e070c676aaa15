/** Recorded carbon-intensity traces and forecast vintages (CSV), replayed as a feed. */
package io.greenscribe.carbon.trace;
