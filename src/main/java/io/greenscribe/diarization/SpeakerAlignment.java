package io.greenscribe.diarization;

import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TimedWord;
import io.greenscribe.text.TranscriptDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts speakers on a transcript at word granularity: each word goes whole to the speaker whose
 * turns cover most of it (the nearest turn when none does), and a segment whose words change
 * speaker is split between those words, so no word is ever cut between two speakers and every
 * segment has one. A segment without word timings goes whole to the speaker who covers most of it.
 */
public final class SpeakerAlignment {

    private SpeakerAlignment() {}

    /** {@code document} with speakers; unchanged when there are no turns. */
    public static TranscriptDocument apply(TranscriptDocument document, List<SpeakerTurn> turns) {
        if (turns.isEmpty()) {
            return document;
        }
        List<TimedSegment> out = new ArrayList<>();
        for (TimedSegment segment : document.segments()) {
            if (segment.words().isEmpty()) {
                out.add(segment.withSpeaker(speakerOf(turns, segment.start(), segment.end())));
                continue;
            }
            List<TimedWord> words = segment.words().stream()
                    .map(w -> w.withSpeaker(speakerOf(turns, w.start(), w.end())))
                    .toList();
            List<List<TimedWord>> runs = runs(words);
            if (runs.size() == 1) {
                out.add(new TimedSegment(
                        0,
                        segment.start(),
                        segment.end(),
                        segment.text(),
                        segment.rawText(),
                        words,
                        segment.language(),
                        words.get(0).speaker()));
                continue;
            }
            for (int r = 0; r < runs.size(); r++) {
                List<TimedWord> run = runs.get(r);
                double start = r == 0 ? segment.start() : run.get(0).start();
                double end = r == runs.size() - 1
                        ? segment.end()
                        : run.get(run.size() - 1).end();
                String raw = joined(run, document.language());
                out.add(new TimedSegment(
                        0,
                        start,
                        end,
                        raw,
                        raw,
                        run,
                        segment.language(),
                        run.get(0).speaker()));
            }
        }
        List<TimedSegment> indexed = new ArrayList<>(out.size());
        for (TimedSegment s : out) {
            indexed.add(new TimedSegment(
                    indexed.size(), s.start(), s.end(), s.text(), s.rawText(), s.words(), s.language(), s.speaker()));
        }
        return new TranscriptDocument(document.language(), document.model(), document.durationSeconds(), indexed);
    }

    /** The speaker covering most of {@code [start, end]}, else the one nearest its midpoint. */
    static int speakerOf(List<SpeakerTurn> turns, double start, double end) {
        int maxSpeaker = turns.stream().mapToInt(SpeakerTurn::speaker).max().orElse(1);
        double[] overlap = new double[maxSpeaker + 1];
        for (SpeakerTurn t : turns) {
            overlap[t.speaker()] += Math.max(0, Math.min(end, t.end()) - Math.max(start, t.start()));
        }
        int best = 0;
        for (int s = 1; s <= maxSpeaker; s++) {
            if (overlap[s] > 0 && (best == 0 || overlap[s] > overlap[best])) {
                best = s;
            }
        }
        if (best > 0) {
            return best;
        }
        double mid = (start + end) / 2;
        double distance = Double.POSITIVE_INFINITY;
        for (SpeakerTurn t : turns) {
            double d = mid < t.start() ? t.start() - mid : Math.max(0, mid - t.end());
            if (d < distance) {
                distance = d;
                best = t.speaker();
            }
        }
        return best;
    }

    /**
     * A run's words as text. The pipeline stores words stripped (FileTranscriber), so they are
     * joined as {@link TranscriptDocument#joined} joins segments: by spaces, by nothing in Chinese
     * and Japanese.
     */
    static String joined(List<TimedWord> words, String language) {
        return TranscriptDocument.joined(
                language, words.stream().map(TimedWord::word).toList());
    }

    private static List<List<TimedWord>> runs(List<TimedWord> words) {
        List<List<TimedWord>> runs = new ArrayList<>();
        for (TimedWord w : words) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).get(0).speaker().equals(w.speaker())) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(w);
        }
        return runs;
    }
}
