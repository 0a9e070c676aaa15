package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.greenscribe.asr.ModelNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the weights of a CTranslate2 {@code model.bin} (the faster-whisper format the registry
 * packages ship) straight into NDArrays, so the same files serve GreenScribe and its peer.
 *
 * <p>Layout (little-endian): u32 binary version, u16-prefixed spec name, u32 revision, u32
 * variable count, then per variable a u16-prefixed name, u8 rank, rank × u32 dims, u8 dtype, u32
 * byte count and the data; then u32 alias count and alias pairs.
 */
final class Ct2Weights {

    private static final int FLOAT32 = 0;
    private static final int INT8 = 1;
    private static final int INT16 = 2;
    private static final int INT32 = 3;
    private static final int FLOAT16 = 4;
    private static final int BFLOAT16 = 5;

    private final Map<String, NDArray> tensors = new HashMap<>();
    private final Map<String, Long> scalars = new HashMap<>();

    private Ct2Weights() {}

    /** Loads every tensor as float32 (upcasting float16) onto the manager's device. */
    static Ct2Weights load(Path modelBin, NDManager manager) {
        try (FileChannel channel = FileChannel.open(modelBin, StandardOpenOption.READ)) {
            ByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            buf.order(ByteOrder.LITTLE_ENDIAN);
            return parse(buf, manager, modelBin);
        } catch (IOException e) {
            throw new ModelNotFoundException("cannot read " + modelBin + ": " + e.getMessage(), e);
        }
    }

    private static Ct2Weights parse(ByteBuffer buf, NDManager manager, Path source) {
        Ct2Weights weights = new Ct2Weights();
        int version = buf.getInt();
        String spec = readString(buf);
        if (version < 5 || !spec.startsWith("WhisperSpec")) {
            throw new ModelNotFoundException(
                    source + " is not a CTranslate2 Whisper model (version " + version + ", spec '" + spec + "')");
        }
        buf.getInt(); // spec revision: the variable names below are what we depend on
        int count = buf.getInt();
        for (int i = 0; i < count; i++) {
            String name = readString(buf);
            int rank = Byte.toUnsignedInt(buf.get());
            long[] dims = new long[rank];
            for (int d = 0; d < rank; d++) {
                dims[d] = Integer.toUnsignedLong(buf.getInt());
            }
            int dtype = Byte.toUnsignedInt(buf.get());
            int bytes = buf.getInt();
            ByteBuffer data = buf.slice(buf.position(), bytes).order(ByteOrder.LITTLE_ENDIAN);
            buf.position(buf.position() + bytes);
            if (rank == 0) {
                weights.scalars.put(name, readScalar(data, dtype));
            } else {
                weights.tensors.put(name, toArray(manager, data, dtype, new Shape(dims), name));
            }
        }
        int aliases = buf.getInt();
        for (int i = 0; i < aliases; i++) {
            String alias = readString(buf);
            String target = readString(buf);
            NDArray array = weights.tensors.get(target);
            if (array != null) {
                weights.tensors.put(alias, array);
            }
        }
        return weights;
    }

    private static NDArray toArray(NDManager manager, ByteBuffer data, int dtype, Shape shape, String name) {
        DataType type =
                switch (dtype) {
                    case FLOAT32 -> DataType.FLOAT32;
                    case FLOAT16 -> DataType.FLOAT16;
                    case INT8 -> DataType.INT8;
                    case INT32 -> DataType.INT32;
                    default ->
                        throw new ModelNotFoundException("unsupported tensor type " + dtype + " for " + name
                                + " (quantized models are not supported; use a float16/float32 export)");
                };
        ByteBuffer direct = manager.allocateDirect(data.remaining());
        direct.put(data.duplicate());
        direct.rewind();
        NDArray raw = manager.create(direct, shape, type);
        if (type == DataType.FLOAT32) {
            return raw;
        }
        NDArray converted = raw.toType(DataType.FLOAT32, false);
        raw.close();
        return converted;
    }

    private static long readScalar(ByteBuffer data, int dtype) {
        return switch (dtype) {
            case INT8 -> data.get();
            case INT16 -> data.getShort();
            case INT32 -> data.getInt();
            case FLOAT32 -> (long) data.getFloat();
            default -> 0;
        };
    }

    private static String readString(ByteBuffer buf) {
        int length = Short.toUnsignedInt(buf.getShort());
        byte[] bytes = new byte[length];
        buf.get(bytes);
        int end = length > 0 && bytes[length - 1] == 0 ? length - 1 : length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    NDArray tensor(String name) {
        NDArray array = tensors.get(name);
        if (array == null) {
            throw new ModelNotFoundException("model.bin has no variable '" + name + "'");
        }
        return array;
    }

    boolean has(String name) {
        return tensors.containsKey(name);
    }

    long scalar(String name, long fallback) {
        return scalars.getOrDefault(name, fallback);
    }

    int countLayers(String stack) {
        int n = 0;
        while (tensors.containsKey(stack + "/layer_" + n + "/ffn/linear_0/weight")) {
            n++;
        }
        return n;
    }
}
