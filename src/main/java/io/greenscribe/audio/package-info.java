/** Audio decoding of any container or codec to 16 kHz mono PCM. */
package io.greenscribe.audio;
