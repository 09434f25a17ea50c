package dev.migrate.processor;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processor's {@code -A} options.
 *
 * @param singleHead    {@code -Amigrate.heads=single}: the graph must have exactly one head, so
 *                      several heads are an error instead of a warning
 * @param multipleHeads {@code -Amigrate.heads=multiple}: several heads are intended (branches
 *                      upgraded with {@code heads} or {@code label@head}), so no warning
 * @param sourceIndex   {@code -Amigrate.index=source}: the revision index is written as a source
 *                      file for javac to compile, instead of as class files ({@code class}, the default)
 */
record ProcessorOptions(boolean singleHead, boolean multipleHeads, boolean sourceIndex) {

    /** {@code -Amigrate.heads=single|multiple}. */
    static final String HEADS = "migrate.heads";

    /** {@code -Amigrate.index=class|source}. */
    static final String INDEX = "migrate.index";

    static final Set<String> SUPPORTED = Set.of(HEADS, INDEX);

    /** The options, or the message explaining a value that is not understood. */
    static ProcessorOptions parse(Map<String, String> options, java.util.function.Consumer<String> onError) {
        boolean sourceIndex = sourceIndex(options, onError);
        String heads = Optional.ofNullable(options.get(HEADS)).orElse("warn").trim();
        if (heads.equals("single")) {
            return new ProcessorOptions(true, false, sourceIndex);
        }
        if (heads.equals("multiple")) {
            return new ProcessorOptions(false, true, sourceIndex);
        }
        if (!heads.equals("warn")) {
            onError.accept("-A" + HEADS + "=" + heads + " is not understood: use -A" + HEADS
                    + "=single (several heads are an error), -A" + HEADS + "=multiple (several heads are"
                    + " intended: no warning) or leave it out (several heads are a warning).");
        }
        return new ProcessorOptions(false, false, sourceIndex);
    }

    private static boolean sourceIndex(Map<String, String> options, java.util.function.Consumer<String> onError) {
        String index = Optional.ofNullable(options.get(INDEX)).orElse("class").trim();
        if (!index.equals("class") && !index.equals("source")) {
            onError.accept("-A" + INDEX + "=" + index + " is not understood: use -A" + INDEX
                    + "=source (the revision index is generated as source for javac to compile) or leave it"
                    + " out (it is written as class files, which costs javac nothing to compile).");
        }
        return index.equals("source");
    }
}
