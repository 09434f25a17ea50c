package dev.migrate.graph;

import dev.migrate.MigrateException;
import java.util.List;
import java.util.stream.Collectors;

/** The revisions do not form a valid graph; carries every problem found. */
public final class RevisionGraphException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final transient List<GraphProblem> problems;

    public RevisionGraphException(List<GraphProblem> problems) {
        super(problems.stream().map(GraphProblem::message).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<GraphProblem> problems() {
        return problems;
    }
}
