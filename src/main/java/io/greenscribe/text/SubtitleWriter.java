package io.greenscribe.text;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** SRT and WebVTT: the same cues, different headers, separators and escaping. */
final class SubtitleWriter {

    private SubtitleWriter() {}

    /** SubRip has no escaping; cues are numbered from 1 whatever the segment indexes were. */
    static void writeSrt(TranscriptDocument document, Writer out) throws IOException {
        List<Cue> cues = Cue.of(document);
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            out.write(Integer.toString(i + 1));
            out.write('\n');
            out.write(Cue.timestamp(cue.startMillis(), ',') + " --> " + Cue.timestamp(cue.endMillis(), ','));
            out.write('\n');
            for (int l = 0; l < cue.lines().size(); l++) {
                // SubRip has no speaker markup: the name prefixes the cue, as broadcasters write it
                if (l == 0 && cue.speaker() != null) {
                    out.write(Cue.speakerName(cue.speaker()) + ": ");
                }
                out.write(cue.lines().get(l));
                out.write('\n');
            }
            out.write('\n');
        }
    }

    static void writeVtt(TranscriptDocument document, Writer out) throws IOException {
        out.write("WEBVTT\n\n");
        for (Cue cue : Cue.of(document)) {
            out.write(Cue.timestamp(cue.startMillis(), '.') + " --> " + Cue.timestamp(cue.endMillis(), '.'));
            out.write('\n');
            for (int l = 0; l < cue.lines().size(); l++) {
                // a voice span runs to the end of the cue when it is not closed (WebVTT 4.2.2)
                if (l == 0 && cue.speaker() != null) {
                    out.write("<v " + Cue.speakerName(cue.speaker()) + ">");
                }
                out.write(escapeVtt(cue.lines().get(l)));
                out.write('\n');
            }
            out.write('\n');
        }
    }

    /**
     * WebVTT cue text is markup: {@code &} and {@code <} start entities and tags, and {@code -->}
     * would end the cue, so all three are written as character references.
     */
    static String escapeVtt(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
