package io.greenscribe.asr.whisper;

/**
 * Shape of a Whisper checkpoint, read from its weights rather than from a name so any size
 * (tiny … large) loads the same way.
 */
record WhisperDimensions(
        int melBins, int modelWidth, int encoderLayers, int decoderLayers, int heads, int vocabSize, int textContext) {

    /** Audio frames the encoder sees for one 30 s window after the stride-2 convolution. */
    static final int AUDIO_CONTEXT = 1500;

    static WhisperDimensions of(Ct2Weights weights) {
        long[] conv1 = weights.tensor("encoder/conv1/weight").getShape().getShape();
        long[] embedding =
                weights.tensor("decoder/embeddings/weight").getShape().getShape();
        long[] positions = weights.tensor("decoder/position_encodings/encodings")
                .getShape()
                .getShape();
        return new WhisperDimensions(
                (int) conv1[1],
                (int) conv1[0],
                weights.countLayers("encoder"),
                weights.countLayers("decoder"),
                (int) weights.scalar("decoder/num_heads", conv1[0] / 64),
                (int) embedding[0],
                (int) positions[0]);
    }

    int headWidth() {
        return modelWidth / heads;
    }

    boolean multilingual() {
        return vocabSize >= 51865;
    }
}
