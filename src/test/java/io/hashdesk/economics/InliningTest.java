package io.hashdesk.economics;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/**
 * The projection's inner loop calls {@link GroupModel#day} once per group and day (730,000 times for 1,000
 * groups over 730 days). HotSpot inlines a hot method only up to 325 bytes of bytecode
 * ({@code -XX:FreqInlineSize}); at 338 bytes the call was not inlined and the 730-day projection took
 * twice as long (ProjectionBenchmark). This keeps the method under the limit.
 */
class InliningTest {

    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void theDayFormulaIsSmallEnoughToBeInlinedIntoTheProjectionLoop() throws IOException {
        Integer size = codeLength(GroupModel.class, "day");
        assertNotNull(size, "GroupModel.day not found");
        assertTrue(size <= FREQ_INLINE_SIZE, "GroupModel.day is " + size + " bytes of bytecode, more than "
                + FREQ_INLINE_SIZE + ": the JIT would call it instead of inlining it (move a branch out)");
    }

    /** Bytes of bytecode of the method named {@code name}, read from the class file (JVMS 4). */
    static Integer codeLength(Class<?> type, String name) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readInt(); // minor, major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort(); // access
            in.readUnsignedShort(); // this
            in.readUnsignedShort(); // super
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            skipMembers(in, in.readUnsignedShort(), utf8, null); // fields
            return skipMembers(in, in.readUnsignedShort(), utf8, name);
        }
    }

    private static Integer skipMembers(DataInputStream in, int members, String[] utf8, String wanted)
            throws IOException {
        Integer found = null;
        for (int m = 0; m < members; m++) {
            in.readUnsignedShort(); // access
            String memberName = utf8[in.readUnsignedShort()];
            in.readUnsignedShort(); // descriptor
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (memberName.equals(wanted) && attribute.equals("Code")) {
                    in.readUnsignedShort(); // max stack
                    in.readUnsignedShort(); // max locals
                    found = in.readInt();
                    in.skipNBytes(length - 8L);
                } else {
                    in.skipNBytes(length);
                }
            }
        }
        return found;
    }
}
