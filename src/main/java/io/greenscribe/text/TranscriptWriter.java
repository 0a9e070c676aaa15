package io.greenscribe.text;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders a {@link TranscriptDocument} in a {@link TranscriptFormat}. Writers show each segment's
 * {@code text} (normalized when ITN ran; see {@link TranscriptDocument#normalizedWith}); only JSON
 * also carries {@code rawText}. Stateless and thread-safe.
 */
public final class TranscriptWriter {

    /**
     * Renders a document into a string.
     *
     * @param document the transcript
     * @param format the format to render
     * @return the rendered transcript, ending with a newline unless empty
     */
    public String write(TranscriptDocument document, TranscriptFormat format) {
        StringWriter out = new StringWriter();
        try {
            write(document, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /**
     * Renders a document onto a character stream, for streaming a download. The stream is
     * neither flushed nor closed.
     *
     * @param document the transcript
     * @param format the format to render
     * @param out where to write
     * @throws IOException when {@code out} fails
     */
    public void write(TranscriptDocument document, TranscriptFormat format, Writer out) throws IOException {
        switch (format) {
            case TXT -> writeTxt(document, out);
            case SRT -> SubtitleWriter.writeSrt(document, out);
            case VTT -> SubtitleWriter.writeVtt(document, out);
            case JSON -> JsonTranscriptWriter.write(document, out);
        }
    }

    /**
     * One segment per line; line breaks inside a segment become spaces so lines stay segments.
     * A diarized transcript gets a header line ("Speaker 1:") at each change of speaker, with a
     * blank line before every header but the first.
     */
    private static void writeTxt(TranscriptDocument document, Writer out) throws IOException {
        Integer speaker = null;
        boolean first = true;
        for (TimedSegment segment : document.segments()) {
            String line = segment.text().strip().replaceAll("\\s*\\R\\s*", " ");
            if (!line.isEmpty()) {
                if (segment.speaker() != null && !segment.speaker().equals(speaker)) {
                    out.write((first ? "" : "\n") + Cue.speakerName(segment.speaker()) + ":\n");
                    speaker = segment.speaker();
                }
                out.write(line);
                out.write('\n');
                first = false;
            }
        }
    }
}
