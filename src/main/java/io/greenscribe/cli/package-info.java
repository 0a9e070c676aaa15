/** Command-line entry that transcribes files to stdout. */
package io.greenscribe.cli;
