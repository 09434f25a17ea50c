package dev.migrate.graph;

/** One method per kind of {@link Target}. */
public interface TargetVisitor<R> {

    R head(Target.Head target);

    R heads(Target.Heads target);

    R base(Target.Base target);

    R revision(Target.Revision target);

    R relative(Target.Relative target);
}
