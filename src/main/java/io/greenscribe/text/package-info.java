/** Inverse text normalization and transcript writers (TXT, SRT, VTT, JSON). */
package io.greenscribe.text;
