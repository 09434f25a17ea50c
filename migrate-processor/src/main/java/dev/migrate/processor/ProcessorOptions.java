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
 */
record ProcessorOptions(boolean singleHead, boolean multipleHeads) {

    /** {@code -Amigrate.heads=single|multiple}. */
    static final String HEADS = "migrate.heads";

    static final Set<String> SUPPORTED = Set.of(HEADS);

    /** The options, or the message explaining a value that is not understood. */
    static ProcessorOptions parse(Map<String, String> options, java.util.function.Consumer<String> onError) {
        String heads = Optional.ofNullable(options.get(HEADS)).orElse("warn").trim();
        if (heads.equals("single")) {
            return new ProcessorOptions(true, false);
        }
        if (heads.equals("multiple")) {
            return new ProcessorOptions(false, true);
        }
        if (!heads.equals("warn")) {
            onError.accept("-A" + HEADS + "=" + heads + " is not understood: use -A" + HEADS
                    + "=single (several heads are an error), -A" + HEADS + "=multiple (several heads are"
                    + " intended: no warning) or leave it out (several heads are a warning).");
        }
        return new ProcessorOptions(false, false);
    }
}
