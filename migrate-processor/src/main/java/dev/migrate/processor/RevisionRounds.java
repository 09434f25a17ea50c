package dev.migrate.processor;

import dev.migrate.graph.GraphProblem;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.processor.RevisionMarkers.Marker;
import dev.migrate.processor.RevisionSource.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The processor's state across the rounds of one compilation. Only names and values are kept
 * between rounds; elements are looked up again when needed.
 */
final class RevisionRounds {

    private final Elements elements;
    private final Diagnostics diagnostics;
    private final ProcessorOptions options;
    private final RevisionClassChecks checks;
    private final RevisionMarkers markers;
    private final IndexWriter indexWriter;
    private final Map<String, RevisionSource> compiledNow = new LinkedHashMap<>();
    private List<Marker> earlierMarkers;
    private IndexWriter.OpenIndex indexFile;

    RevisionRounds(ProcessingEnvironment env, Diagnostics diagnostics) {
        this.elements = env.getElementUtils();
        this.diagnostics = diagnostics;
        this.options = ProcessorOptions.parse(env.getOptions(), diagnostics::error);
        this.checks = new RevisionClassChecks(elements, env.getTypeUtils(), diagnostics);
        this.markers = new RevisionMarkers(env.getFiler(), elements);
        this.indexWriter = new IndexWriter(env.getFiler(), options.sourceIndex());
    }

    /** Reads and checks this round's {@code @Revision} classes and writes their markers. */
    void collect(RoundEnvironment roundEnv) {
        TypeElement annotation = elements.getTypeElement(RevisionAnnotation.NAME);
        if (annotation == null) {
            return;
        }
        List<TypeElement> arrived = new ArrayList<>();
        for (TypeElement type : ElementFilter.typesIn(roundEnv.getElementsAnnotatedWith(annotation))) {
            Optional<AnnotationMirror> mirror = RevisionAnnotation.find(type);
            if (mirror.isEmpty()) {
                continue;
            }
            checks.check(type);
            RevisionSource source = source(type, mirror.get(), Location.THIS_COMPILATION);
            compiledNow.put(source.binaryName(), source);
            arrived.add(type);
        }
        if (!arrived.isEmpty() && indexFile == null) {
            openIndex(arrived);
        }
    }

    /** Checks the whole graph and, without errors, writes the index and its service file. */
    void finish() {
        if (indexFile == null) {
            return;
        }
        Map<String, RevisionSource> all = allRevisions();
        List<RevisionDescriptor> descriptors = all.values().stream().map(RevisionSource::descriptor).toList();
        List<GraphProblem> problems = RevisionGraph.check(descriptors);
        GraphDiagnostics graphDiagnostics = new GraphDiagnostics(elements, diagnostics);
        graphDiagnostics.report(problems, all);
        if (problems.isEmpty()) {
            // Each database's history has heads of its own; a project with one database has one group.
            for (String database : RevisionGraph.databases(descriptors)) {
                new HeadDiagnostics(graphDiagnostics, diagnostics, options)
                        .report(RevisionGraph.ofDatabase(descriptors, database, database.isEmpty()), all);
            }
        }
        if (diagnostics.hasErrors()) {
            abandon();
            return;
        }
        List<RevisionSource> indexed = all.values().stream()
                .filter(RevisionSource::belongsToIndex)
                .sorted(Comparator.comparing((RevisionSource s) -> s.descriptor().id())
                        .thenComparing(RevisionSource::binaryName))
                .toList();
        try {
            indexFile.write(indexed);
        } catch (ClassFileWriter.LimitExceeded tooLarge) {
            diagnostics.error(IndexWriter.tooLarge(indexed.size(), tooLarge));
            abandon();
            return;
        }
        IndexName written = indexFile.name();
        indexFile = null;
        indexWriter.writeServiceFile(written);
    }

    /** Closes the index file without a class, so javac does not warn about an unclosed file. */
    void abandon() {
        if (indexFile != null) {
            indexFile.writeNothing();
            indexFile = null;
        }
    }

    private void openIndex(List<TypeElement> arrived) {
        List<String> names = new ArrayList<>(compiledNow.keySet());
        for (RevisionSource earlier : earlierRevisions().values()) {
            if (earlier.location() == Location.PREVIOUS_BUILD) {
                names.add(earlier.binaryName());
            }
        }
        List<Element> originating = new ArrayList<>(arrived);
        indexFile = indexWriter.create(IndexNaming.indexName(names), originating);
    }

    /**
     * Every revision known now, by binary name: those compiled now win over earlier copies. Sorted,
     * so that messages list revisions in the same order on every machine (class-path listings are
     * in file-system order).
     */
    private Map<String, RevisionSource> allRevisions() {
        Map<String, RevisionSource> all = new TreeMap<>(compiledNow);
        earlierRevisions().forEach(all::putIfAbsent);
        return all;
    }

    /**
     * Revisions compiled before this compilation, found through the indexes that list them; a
     * listed class that is gone or no longer carries {@code @Revision} is dropped.
     */
    private Map<String, RevisionSource> earlierRevisions() {
        if (earlierMarkers == null) {
            earlierMarkers = markers.readEarlier();
        }
        // An incremental build compiles most listed classes again: those need no lookup at all.
        Set<String> recompiled = new HashSet<>();
        for (RevisionSource source : compiledNow.values()) {
            recompiled.add(source.canonicalName());
        }
        Map<String, RevisionSource> earlier = new LinkedHashMap<>();
        for (Marker marker : earlierMarkers) {
            for (String revisionClass : marker.revisionClasses()) {
                if (recompiled.contains(revisionClass)) {
                    continue;
                }
                TypeElement type = elements.getTypeElement(revisionClass);
                Optional<AnnotationMirror> mirror = type == null ? Optional.empty() : RevisionAnnotation.find(type);
                if (mirror.isEmpty() || compiledNow.containsKey(elements.getBinaryName(type).toString())) {
                    continue;
                }
                RevisionSource source = source(type, mirror.get(),
                        marker.inThisOutput() ? Location.PREVIOUS_BUILD : Location.DEPENDENCY);
                // An old index of ours and a dependency's may both list a class; ours wins.
                earlier.merge(source.binaryName(), source,
                        (first, second) -> first.belongsToIndex() ? first : second);
            }
        }
        return earlier;
    }

    private RevisionSource source(TypeElement type, AnnotationMirror mirror, Location location) {
        return new RevisionSource(
                elements.getPackageOf(type).getQualifiedName().toString(),
                type.getQualifiedName().toString(),
                RevisionAnnotation.descriptor(elements, type, mirror),
                location,
                elements.isDeprecated(type));
    }
}
