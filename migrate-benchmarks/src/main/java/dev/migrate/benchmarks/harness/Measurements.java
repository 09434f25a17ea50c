package dev.migrate.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every value measured in one suite run, by metric and history size, in the order of the rounds;
 * so two metrics' values at the same index were measured side by side in the same round.
 */
public final class Measurements {

    private final Map<Metric, Map<Integer, List<Double>>> values = new LinkedHashMap<>();

    public void add(Metric metric, int size, double value) {
        values.computeIfAbsent(metric, m -> new TreeMap<>()).computeIfAbsent(size, s -> new ArrayList<>()).add(value);
    }

    public List<Double> values(Metric metric, int size) {
        return values.getOrDefault(metric, Map.of()).getOrDefault(size, List.of());
    }

    public Optional<Summary> summary(Metric metric, int size) {
        List<Double> list = values(metric, size);
        return list.isEmpty() ? Optional.empty() : Optional.of(Summary.of(list));
    }

    /** Round-by-round ratios {@code a / b} (paired, so machine drift cancels), summarized. */
    public Optional<Summary> ratio(Metric a, Metric b, int size) {
        return paired(a, b, size, (x, y) -> x / y);
    }

    /** Round-by-round differences {@code a - b}, summarized. */
    public Optional<Summary> difference(Metric a, Metric b, int size) {
        return paired(a, b, size, (x, y) -> x - y);
    }

    private Optional<Summary> paired(Metric a, Metric b, int size, java.util.function.DoubleBinaryOperator op) {
        List<Double> left = values(a, size);
        List<Double> right = values(b, size);
        int n = Math.min(left.size(), right.size());
        if (n == 0) {
            return Optional.empty();
        }
        List<Double> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(op.applyAsDouble(left.get(i), right.get(i)));
        }
        return Optional.of(Summary.of(result));
    }
}
