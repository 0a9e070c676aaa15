/** Voice activity detection and the merging of speech into windows of at most 30 s. */
package io.greenscribe.vad;
