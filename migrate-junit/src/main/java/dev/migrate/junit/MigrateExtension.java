package dev.migrate.junit;

import dev.migrate.MigrateException;
import javax.sql.DataSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link MigrateTest}: before the class, finds the server, creates the
 * class's database and publishes which one it is; resolves {@link MigrationChecks},
 * {@link MigrationTester} and {@link DataSource} parameters; drops the databases after the class.
 */
public final class MigrateExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** The report entry key naming the database a test class used. */
    public static final String REPORT_KEY = "migrate.database";

    /** The report entry key of the revision timings the class's checks measured, slowest first. */
    public static final String TIMINGS_KEY = "migrate.timings";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrateExtension.class);
    private static final String STATE = "state";

    private final DatabaseLocator locator;

    public MigrateExtension() {
        this(DatabaseLocator.system());
    }

    MigrateExtension(DatabaseLocator locator) {
        this.locator = locator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<MigrateTest> annotation = AnnotationSupport.findAnnotation(testClass, MigrateTest.class);
        if (annotation.isEmpty() && context.getStore(NAMESPACE).get(STATE) != null) {
            return; // a @Nested class without its own @MigrateTest shares its enclosing class's database
        }
        MigrateTest settings = annotation.orElseThrow(() -> new MigrateException(testClass.getName() + " uses "
                + MigrateExtension.class.getSimpleName() + " without @MigrateTest. Annotate the class with @MigrateTest"
                + " instead of @ExtendWith."));
        LocatedServer located = locator.locate(settings.url());
        ClassState state = new ClassState(located, testClass, RevisionSet.forTestClass(testClass, settings),
                TestSettings.of(settings, testClass));
        context.getStore(NAMESPACE).put(STATE, state);
        context.publishReportEntry(REPORT_KEY, state.classSession() + " (from " + located.origin() + ")");
    }

    /** Publishes the timings the checks measured, so a build report shows every revision's time. */
    @Override
    public void afterAll(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(STATE, ClassState.class);
        boolean own = context.getParent().map(p -> p.getStore(NAMESPACE).get(STATE) != state).orElse(true);
        if (state == null || !own || state.checks().timings().isEmpty()) {
            return;
        }
        context.publishReportEntry(TIMINGS_KEY, state.checks().timings().stream()
                .sorted(Comparator.comparing(RevisionTiming::duration).reversed())
                .map(RevisionTiming::describe).collect(Collectors.joining(", ")));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MigrationChecks.class || type == MigrationTester.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(STATE, ClassState.class);
        if (state == null) {
            throw new MigrateException("@MigrateTest parameters are available in test methods and @BeforeEach/@AfterEach,"
                    + " not in constructors or static @BeforeAll methods of " + context.getRequiredTestClass().getName() + ".");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == MigrationChecks.class) {
            return state.checks();
        }
        if (type == MigrationTester.class) {
            return new MigrationTester(state.classSession());
        }
        return state.classSession().dataSource();
    }
}
