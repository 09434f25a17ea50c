package dev.migrate.processor;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the JVM class-file format (JVMS chapter 4) to write the revision index without
 * a bytecode library on the processor path: a constant pool, fields with constant values, and
 * methods whose code the caller emits instruction by instruction.
 *
 * <p>Classes are written in version {@value #VERSION} (Java 5): below 50 the JVM verifies by type
 * inference, so a method with a switch needs no {@code StackMapTable} frames, which would take a
 * data-flow analysis to compute. Every limit of the format is checked where it applies and fails
 * with a {@link LimitExceeded} that names it, instead of a class file the JVM refuses.
 */
final class ClassFileWriter {

    /** Java 5: the last version verified without stack map frames. */
    static final int VERSION = 49;

    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_PRIVATE = 0x0002;
    static final int ACC_STATIC = 0x0008;
    static final int ACC_FINAL = 0x0010;
    static final int ACC_SUPER = 0x0020;

    /** Bytes of modified UTF-8 in one constant (its length is a u2). */
    static final int MAX_UTF8_BYTES = 65_535;

    /** The highest constant-pool index: {@code constant_pool_count} is a u2 and one more than it. */
    static final int MAX_CONSTANTS = 65_534;

    /** Bytes of code in one method (its offsets are u2 in the exception table and elsewhere). */
    static final int MAX_CODE_BYTES = 65_535;

    private final ConstantPool pool = new ConstantPool();
    private final int access;
    private final int thisClass;
    private final int superClass;
    private final List<Integer> interfaces = new ArrayList<>();
    private final List<byte[]> fields = new ArrayList<>();
    private final List<byte[]> methods = new ArrayList<>();
    private final List<byte[]> innerClasses = new ArrayList<>();

    /** A class with internal names ({@code java/lang/Object}) for itself, its superclass and interfaces. */
    ClassFileWriter(int access, String name, String superName, String... interfaceNames) {
        this.access = access;
        this.thisClass = pool.classRef(name);
        this.superClass = pool.classRef(superName);
        for (String interfaceName : interfaceNames) {
            interfaces.add(pool.classRef(interfaceName));
        }
    }

    /** Instructions for a method of this class, which need {@code maxStack} and {@code maxLocals} (the caller counts them). */
    Code code(int maxStack, int maxLocals) {
        return new Code(maxStack, maxLocals);
    }

    /** A field whose value is the compile-time constant {@code value}, as javac writes a {@code static final String}. */
    void constantField(int fieldAccess, String name, String value) {
        Bytes field = new Bytes();
        field.u2(fieldAccess).u2(pool.utf8(name)).u2(pool.utf8("Ljava/lang/String;")).u2(1);
        field.u2(pool.utf8("ConstantValue")).u4(2).u2(pool.string(value));
        fields.add(field.toByteArray());
    }

    /**
     * A method with {@code code}; {@code signature} is its generic signature (JVMS 4.7.9) or null
     * when the descriptor says it all.
     */
    void method(int methodAccess, String name, String descriptor, String signature, Code code) {
        Bytes method = new Bytes();
        method.u2(methodAccess).u2(pool.utf8(name)).u2(pool.utf8(descriptor)).u2(signature == null ? 1 : 2);
        byte[] instructions = code.instructions();
        if (instructions.length > MAX_CODE_BYTES) {
            throw new LimitExceeded("method " + name + " has " + instructions.length
                    + " bytes of code, more than the " + MAX_CODE_BYTES + " a class file allows");
        }
        method.u2(pool.utf8("Code")).u4(12 + instructions.length)
                .u2(code.maxStack).u2(code.maxLocals).u4(instructions.length).bytes(instructions)
                .u2(0) // exception table
                .u2(0); // attributes
        if (signature != null) {
            method.u2(pool.utf8("Signature")).u4(2).u2(pool.utf8(signature));
        }
        methods.add(method.toByteArray());
    }

    /**
     * Records that {@code inner} is a member class of {@code outer} (JVMS 4.7.6), as both classes
     * must: reflection and javac then see one nested class rather than two top-level ones.
     */
    void innerClass(String inner, String outer, String simpleName, int innerAccess) {
        innerClasses.add(new Bytes().u2(pool.classRef(inner)).u2(pool.classRef(outer)).u2(pool.utf8(simpleName))
                .u2(innerAccess).toByteArray());
    }

    /** The finished class file. */
    byte[] toByteArray() {
        int innerClassesName = innerClasses.isEmpty() ? 0 : pool.utf8("InnerClasses");
        Bytes file = new Bytes();
        file.u4(0xCAFEBABE).u2(0).u2(VERSION);
        pool.writeTo(file);
        file.u2(access).u2(thisClass).u2(superClass).u2(interfaces.size());
        interfaces.forEach(file::u2);
        file.u2(fields.size());
        fields.forEach(file::bytes);
        file.u2(methods.size());
        methods.forEach(file::bytes);
        if (innerClasses.isEmpty()) {
            file.u2(0);
        } else {
            file.u2(1).u2(innerClassesName).u4(2 + 8 * innerClasses.size()).u2(innerClasses.size());
            innerClasses.forEach(file::bytes);
        }
        return file.toByteArray();
    }

    /** A limit of the class-file format that the content would exceed. */
    static final class LimitExceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    /** The instructions of one method, and the stack and locals it needs (the caller counts them). */
    final class Code {

        private final Bytes bytes = new Bytes();
        private final List<int[]> switchJumps = new ArrayList<>(); // {opcode offset, operand offset, label}
        private final List<Integer> labels = new ArrayList<>();
        private final int maxStack;
        private final int maxLocals;

        private Code(int maxStack, int maxLocals) {
            this.maxStack = maxStack;
            this.maxLocals = maxLocals;
        }

        Code aload(int local) {
            return op(0x19).u1(local);
        }

        Code iload(int local) {
            return op(0x15).u1(local);
        }

        /** Pushes a string constant. */
        Code ldc(String value) {
            int index = pool.string(value);
            return index <= 0xFF ? op(0x12).u1(index) : op(0x13).u2(index);
        }

        /** Pushes an int in -32768..32767. */
        Code sipush(int value) {
            if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                throw new IllegalArgumentException(value + " does not fit sipush");
            }
            return op(0x11).u2(value);
        }

        Code newObject(String type) {
            return op(0xBB).u2(pool.classRef(type));
        }

        Code newArray(String elementType) {
            return op(0xBD).u2(pool.classRef(elementType));
        }

        Code dup() {
            return op(0x59);
        }

        Code aastore() {
            return op(0x53);
        }

        Code idiv() {
            return op(0x6C);
        }

        Code invokespecial(String owner, String name, String descriptor) {
            return op(0xB7).u2(pool.methodRef(owner, name, descriptor));
        }

        Code invokestatic(String owner, String name, String descriptor) {
            return op(0xB8).u2(pool.methodRef(owner, name, descriptor));
        }

        Code invokevirtual(String owner, String name, String descriptor) {
            return op(0xB6).u2(pool.methodRef(owner, name, descriptor));
        }

        Code areturn() {
            return op(0xB0);
        }

        Code returnVoid() {
            return op(0xB1);
        }

        Code athrow() {
            return op(0xBF);
        }

        /** A new label, placed later with {@link #place}. */
        int label() {
            labels.add(-1);
            return labels.size() - 1;
        }

        /** Places {@code label} at the next instruction. */
        Code place(int label) {
            labels.set(label, bytes.size());
            return this;
        }

        /**
         * A {@code tableswitch} over {@code low..low+caseLabels.length-1}; the labels are placed
         * later, where each case's instructions begin.
         */
        Code tableswitch(int low, int defaultLabel, int... caseLabels) {
            int opcode = bytes.size();
            op(0xAA);
            while (bytes.size() % 4 != 0) {
                bytes.u1(0); // the operands start at a multiple of four bytes from the method's start
            }
            jump(opcode, defaultLabel);
            bytes.u4(low).u4(low + caseLabels.length - 1);
            for (int caseLabel : caseLabels) {
                jump(opcode, caseLabel);
            }
            return this;
        }

        private void jump(int opcode, int label) {
            switchJumps.add(new int[] {opcode, bytes.size(), label});
            bytes.u4(0);
        }

        private Code op(int opcode) {
            bytes.u1(opcode);
            return this;
        }

        private Code u1(int value) {
            bytes.u1(value);
            return this;
        }

        private Code u2(int value) {
            bytes.u2(value);
            return this;
        }

        private byte[] instructions() {
            byte[] code = bytes.toByteArray();
            for (int[] jump : switchJumps) {
                int target = labels.get(jump[2]);
                if (target < 0) {
                    throw new IllegalStateException("label " + jump[2] + " was never placed");
                }
                int offset = target - jump[0];
                code[jump[1]] = (byte) (offset >>> 24);
                code[jump[1] + 1] = (byte) (offset >>> 16);
                code[jump[1] + 2] = (byte) (offset >>> 8);
                code[jump[1] + 3] = (byte) offset;
            }
            return code;
        }
    }

    /** The constant pool, each entry written once however often it is used. */
    private static final class ConstantPool {

        private static final int UTF8 = 1;
        private static final int CLASS = 7;
        private static final int STRING = 8;
        private static final int METHOD_REF = 10;
        private static final int NAME_AND_TYPE = 12;

        private final Map<String, Integer> indexes = new HashMap<>();
        private final Bytes entries = new Bytes();
        private int count;

        int utf8(String value) {
            Integer known = indexes.get(UTF8 + ":" + value);
            if (known != null) {
                return known;
            }
            int length = modifiedUtf8Length(value);
            if (length > MAX_UTF8_BYTES) {
                throw new LimitExceeded("a string constant of " + value.length() + " characters takes " + length
                        + " bytes, more than the " + MAX_UTF8_BYTES + " a class file allows");
            }
            return add(UTF8 + ":" + value, bytes -> bytes.u1(UTF8).utf(value));
        }

        int classRef(String internalName) {
            int name = utf8(internalName);
            return add(CLASS + ":" + internalName, bytes -> bytes.u1(CLASS).u2(name));
        }

        int string(String value) {
            int utf8 = utf8(value);
            return add(STRING + ":" + value, bytes -> bytes.u1(STRING).u2(utf8));
        }

        int methodRef(String owner, String name, String descriptor) {
            int ownerIndex = classRef(owner);
            int nameIndex = utf8(name);
            int descriptorIndex = utf8(descriptor);
            int nameAndType = add(NAME_AND_TYPE + ":" + name + ":" + descriptor,
                    bytes -> bytes.u1(NAME_AND_TYPE).u2(nameIndex).u2(descriptorIndex));
            return add(METHOD_REF + ":" + owner + "." + name + ":" + descriptor,
                    bytes -> bytes.u1(METHOD_REF).u2(ownerIndex).u2(nameAndType));
        }

        void writeTo(Bytes file) {
            file.u2(count + 1).bytes(entries.toByteArray());
        }

        private int add(String key, java.util.function.Consumer<Bytes> entry) {
            Integer known = indexes.get(key);
            if (known != null) {
                return known;
            }
            if (count == MAX_CONSTANTS) {
                throw new LimitExceeded("the class needs more than the " + MAX_CONSTANTS
                        + " constants a class file allows");
            }
            entry.accept(entries);
            count++;
            indexes.put(key, count);
            return count;
        }

        /** JVMS 4.4.7: U+0000 and U+0080..U+07FF in two bytes, the rest of the BMP in three, surrogates each on their own. */
        static int modifiedUtf8Length(String value) {
            int length = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                length += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            return length;
        }
    }

    /** A big-endian byte buffer. */
    private static final class Bytes {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(buffer);

        Bytes u1(int value) {
            buffer.write(value);
            return this;
        }

        Bytes u2(int value) {
            buffer.write(value >>> 8);
            buffer.write(value);
            return this;
        }

        Bytes u4(int value) {
            return u2(value >>> 16).u2(value);
        }

        Bytes bytes(byte[] value) {
            buffer.writeBytes(value);
            return this;
        }

        /** Length-prefixed modified UTF-8, exactly the class file's {@code CONSTANT_Utf8}. */
        Bytes utf(String value) {
            try {
                out.writeUTF(value);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        int size() {
            return buffer.size();
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }
    }
}
