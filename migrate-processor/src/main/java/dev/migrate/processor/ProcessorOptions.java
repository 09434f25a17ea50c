package dev.migrate.processor;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processor's {@code -A} options.
 *
 * @param singleHead {@code -Amigrate.heads=single}: the graph must have exactly one head, so
 *                   several heads are an error instead of a warning
 */
record ProcessorOptions(boolean singleHead) {

    /** {@code -Amigrate.heads=single|multiple}. */
    static final String HEADS = "migrate.heads";

    static final Set<String> SUPPORTED = Set.of(HEADS);

    /** The options, or the message explaining a value that is not understood. */
    static ProcessorOptions parse(Map<String, String> options, java.util.function.Consumer<String> onError) {
        String heads = Optional.ofNullable(options.get(HEADS)).orElse("multiple").trim();
        if (heads.equals("single")) {
            return new ProcessorOptions(true);
        }
        if (!heads.equals("multiple")) {
            onError.accept("-A" + HEADS + "=" + heads + " is not understood: use -A" + HEADS
                    + "=single (several heads are an error) or -A" + HEADS
                    + "=multiple (the default: several heads without branch labels are a warning).");
        }
        return new ProcessorOptions(false);
    }
}
