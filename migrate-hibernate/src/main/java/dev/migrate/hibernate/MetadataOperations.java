package dev.migrate.hibernate;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.IdentifierCase;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.NamingHelper;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PrimaryKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.mapping.UserDefinedType;

/**
 * Hibernate's relational model as migrate operations, in an order that runs on an empty schema:
 * sequences, tables (columns, primary key, unique and check constraints), indexes, foreign keys.
 * Names come out as the database stores what Hibernate's own DDL would create: an unquoted
 * identifier folds as the database says ({@link IdentifierCase}; when not told, lower case on
 * PostgreSQL and upper case on H2), and a constraint Hibernate leaves unnamed gets the name
 * the database would give it (PostgreSQL's and MariaDB's rules; H2 invents names, so there
 * PostgreSQL's rules name it).
 */
final class MetadataOperations {

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1), which the names it chooses keep to. */
    private static final int POSTGRES_NAME_LENGTH = 63;

    private final Metadata metadata;
    private final String schema;
    private final IdentifierCase folding;
    private final boolean mysqlFamily;

    private MetadataOperations(Metadata metadata, String schema, IdentifierCase identifierCase) {
        this.metadata = metadata;
        this.schema = schema;
        String dialect = metadata.getDatabase().getDialect().getClass().getName();
        this.folding = identifierCase != null ? identifierCase : usualFolding(dialect);
        this.mysqlFamily = dialect.contains("MySQL") || dialect.contains("MariaDB");
    }

    /**
     * @param identifierCase how the database stores unquoted names, or null for its dialect's usual
     *                       folding
     * @param database       the database the model is for, as the request names it (for a message)
     */
    static List<Operation> of(Metadata metadata, String schema, IdentifierCase identifierCase, String database) {
        try {
            return new MetadataOperations(metadata, schema, identifierCase).operations();
        } catch (HibernateException e) {
            // Met only when the columns are written out (a type the dialect has no name for), as in the export.
            // Caught here, not in HibernateModelSource: that class must load on a project without Hibernate.
            throw new MigrateException("Hibernate cannot write the schema of the entities for " + database + ": "
                    + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("\\.$", "")
                    + ". Fix the mapping it names (Hibernate's own schema export fails the same way).", e);
        }
    }

    private List<Operation> operations() {
        refuseAuxiliaryObjects();
        List<Operation> sequences = new ArrayList<>();
        List<Operation> tables = new ArrayList<>();
        List<Operation> indexes = new ArrayList<>();
        List<Operation> foreignKeys = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Sequence sequence : namespace.getSequences()) {
                String name = fold(sequence.getName().getSequenceName().getText(),
                        sequence.getName().getSequenceName().isQuoted());
                sequences.add(new CreateSequence(QualifiedName.of(placed(sequence.getName().getCatalogName(),
                        sequence.getName().getSchemaName()), name), (long) sequence.getInitialValue(),
                        (long) sequence.getIncrementSize(), exportWritesNoCache()));
            }
            List<Table> physical = namespace.getTables().stream().filter(Table::isPhysicalTable)
                    .sorted(Comparator.comparing(Table::getName)).toList();
            for (Table table : physical) {
                tables.add(createTable(table));
                // Indexes, unique keys and foreign keys in the mapping's own order, as Hibernate's export
                // creates them: MariaDB lists a table's keys in the order they were added.
                for (Index index : table.getIndexes().values()) {
                    indexes.add(createIndex(table, index));
                }
                for (ForeignKey foreignKey : table.getForeignKeys().values().stream()
                        .filter(fk -> fk.isCreationEnabled() && fk.isPhysicalConstraint()).toList()) {
                    foreignKeys.add(addForeignKey(table, foreignKey));
                }
            }
        }
        List<Operation> all = new ArrayList<>(sequences);
        all.addAll(tables);
        all.addAll(indexes);
        all.addAll(foreignKeys);
        return List.copyOf(all);
    }

    /**
     * Hibernate's schema export also creates objects migrate's operations cannot express, such as
     * the enum type of a {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} column on PostgreSQL: a model
     * without them would not build, so say which up front.
     */
    private void refuseAuxiliaryObjects() {
        Dialect dialect = metadata.getDatabase().getDialect();
        List<Namespace> namespaces = StreamSupport.stream(metadata.getDatabase().getNamespaces().spliterator(), false).toList();
        List<String> auxiliary = Stream.of(metadata.getDatabase().getAuxiliaryDatabaseObjects().stream()
                .filter(object -> object.appliesToDialect(dialect)).map(AuxiliaryDatabaseObject::getExportIdentifier),
                // A structured type (@Struct on an embeddable): the export creates it before the tables that use it.
                namespaces.stream().flatMap(namespace -> namespace.getUserDefinedTypes().stream()).map(UserDefinedType::getName),
                // An entity's @View: the export creates a view (CREATE VIEW ... AS its query), which is no table.
                namespaces.stream().flatMap(namespace -> namespace.getTables().stream()).filter(Table::isView)
                        .map(table -> "view " + table.getName()))
                .flatMap(names -> names).sorted().toList();
        if (!auxiliary.isEmpty()) {
            throw new MigrateException("Autogenerate cannot create the database object " + String.join(", ", auxiliary)
                    + " that Hibernate's schema export creates besides tables and sequences (a named enum or other type, from"
                    + " @JdbcTypeCode(SqlTypes.NAMED_ENUM), a @JdbcType or a @Struct, a @View's view, or a <database-object>):"
                    + " map the column without it (@Enumerated(EnumType.STRING) is a checked varchar, an @Embeddable"
                    + " without @Struct is columns, @Subselect reads a query without a view) or write this revision by hand.");
        }
    }

    private CreateTable createTable(Table table) {
        String tableName = tableName(table);
        List<Column> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (org.hibernate.mapping.Column column : orderedColumns(table)) {
            String name = columnName(column);
            boolean identity = column.isIdentity();
            String sqlType = column.getSqlType(metadata);
            // A computed column (@GeneratedColumn): its expression where Hibernate's DDL writes it, after the type.
            ColumnType type = column.getGeneratedAs() != null
                    ? ColumnType.sql(sqlType + metadata.getDatabase().getDialect().generatedAs(column.getGeneratedAs()))
                    : ColumnTypes.of(sqlType, identity, mysqlFamily);
            String defaultValue = column.getDefaultValue();
            columns.add(new Column(name, type, column.isNullable(), defaultValue == null ? null : ServerDefault.sql(defaultValue),
                    identity, column.getComment()));
            if (column.isUnique() && !coveredByUniqueKey(table, column)) {
                // PostgreSQL: written inline ("email varchar(255) unique"), named <table>_<column>_key.
                // MariaDB and MySQL: added by Hibernate under its hashed name (UK...).
                String uniqueName = mysqlFamily ? NamingHelper.INSTANCE.generateHashedConstraintName("UK",
                        Identifier.toIdentifier(table.getName(), table.isQuoted()),
                        Identifier.toIdentifier(column.getName(), column.isQuoted()))
                        : databaseName(names, tableName, name, "key");
                if (names.add(uniqueName)) {
                    constraints.add(new TableConstraint.Unique(uniqueName, List.of(name)));
                }
            }
            String unnamedCondition = unnamedColumnCheck(column);
            if (unnamedCondition != null) {
                String checkName = unnamedCheck(names, table, tableName, unnamedCondition, mysqlFamily ? name : null);
                if (names.add(checkName)) {
                    constraints.add(new TableConstraint.Check(checkName, unnamedCondition));
                }
            }
            for (CheckConstraint check : column.getCheckConstraints()) {
                if (check.getName() != null && names.add(constraintName(check.getName()))) {
                    constraints.add(new TableConstraint.Check(constraintName(check.getName()), check.getConstraint()));
                }
            }
        }
        PrimaryKey primaryKey = table.getPrimaryKey();
        if (primaryKey != null && !primaryKey.getColumns().isEmpty()) {
            // Hibernate's DDL never names a primary key: its internal names (PK<hash>, "teamsPK" in 7.x,
            // UK<hash> on a collection table) are not the database's. PostgreSQL's name reads naturally.
            String name = databaseName(names, tableName, null, "pkey");
            names.add(name);
            constraints.add(new TableConstraint.PrimaryKey(name, columnNames(primaryKey.getColumns())));
        }
        for (UniqueKey unique : table.getUniqueKeys().values()) {
            if (primaryKey != null && columnNames(primaryKey.getColumns()).equals(columnNames(unique.getColumns()))) {
                continue; // Hibernate does not create a unique key that repeats the primary key.
            }
            // An implicit name (UK...) is Hibernate's alone where it writes the key inline (PostgreSQL): the database names it.
            String uniqueName = unique.isNameExplicit() || mysqlFamily ? constraintName(unique.getName())
                    : databaseName(names, tableName, String.join("_", columnNames(unique.getColumns())), "key");
            if (names.add(uniqueName)) {
                constraints.add(new TableConstraint.Unique(uniqueName, columnNames(unique.getColumns())));
            }
        }
        int unnamedTableChecks = 0;
        for (CheckConstraint check : table.getChecks()) {
            String checkName = check.getName() != null ? constraintName(check.getName())
                    : mysqlFamily ? "CONSTRAINT_" + ++unnamedTableChecks
                    : unnamedCheck(names, table, tableName, check.getConstraint(), null);
            if (names.add(checkName)) {
                constraints.add(new TableConstraint.Check(checkName, check.getConstraint()));
            }
        }
        return new CreateTable(qualifiedName(table), columns, constraints, table.getComment());
    }

    /**
     * The one check Hibernate's DDL writes for a column's unnamed checks, or null for none: a single
     * one as it is, several (a {@code @Check} on the field and Bean Validation's {@code @Min} and
     * {@code @Max}, say) joined as {@code (a) and (b)} in one {@code check}, because MariaDB and SQL
     * Server refuse a column with several.
     */
    private static String unnamedColumnCheck(org.hibernate.mapping.Column column) {
        List<String> unnamed = column.getCheckConstraints().stream().filter(check -> check.getName() == null)
                .map(CheckConstraint::getConstraint).toList();
        if (unnamed.size() <= 1) {
            return unnamed.isEmpty() ? null : unnamed.get(0);
        }
        return unnamed.stream().map(condition -> "(" + condition + ")").collect(Collectors.joining(" and "));
    }

    /**
     * The name the database gives a check Hibernate writes unnamed: MariaDB and MySQL name a
     * column's check after the column ({@code onColumn}, null for a table's check); PostgreSQL
     * names any check after the one column it reads ({@code <table>_<column>_check}), or after the
     * table when it reads several ({@code <table>_check}).
     */
    private String unnamedCheck(Set<String> names, Table table, String tableName, String condition, String onColumn) {
        if (onColumn != null) {
            return onColumn;
        }
        String withoutLiterals = condition.replaceAll("'([^']|'')*'", "''");
        List<String> read = table.getColumns().stream().filter(c -> Pattern.compile(
                "(?<![A-Za-z0-9_$])\"?" + Pattern.quote(c.getName()) + "\"?(?![A-Za-z0-9_$])", Pattern.CASE_INSENSITIVE)
                .matcher(withoutLiterals).find()).map(this::columnName).distinct().toList();
        return databaseName(names, tableName, read.size() == 1 ? read.get(0) : null, "check");
    }

    /**
     * The name PostgreSQL chooses for a constraint it names itself: {@code <table>_<columns>_<label>},
     * the longer of table and columns shortened to fit 63 characters, then {@code <label>1},
     * {@code <label>2}, ... while the name is taken. Built from the names as stored (a quoted
     * {@code "AuthorAccount"} gives {@code AuthorAccount_pkey}); the label folds like an unquoted name.
     */
    private String databaseName(Set<String> taken, String table, String columns, String label) {
        for (int pass = 0; ; pass++) {
            String suffix = fold(label + (pass == 0 ? "" : String.valueOf(pass)), false);
            int available = POSTGRES_NAME_LENGTH - suffix.length() - 1 - (columns == null ? 0 : 1);
            int tableChars = table.length();
            int columnChars = columns == null ? 0 : columns.length();
            while (tableChars + columnChars > available) {
                if (tableChars > columnChars) {
                    tableChars--;
                } else {
                    columnChars--;
                }
            }
            String name = table.substring(0, tableChars) + (columns == null ? "" : "_" + columns.substring(0, columnChars))
                    + "_" + suffix;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    private CreateIndex createIndex(Table table, Index index) {
        List<IndexKey> keys = new ArrayList<>();
        for (org.hibernate.mapping.Column column : index.getColumns()) {
            String order = index.getColumnOrderMap().get(column);
            // A descending column, not an expression: H2 and MariaDB index it too.
            keys.add(order != null && order.trim().equalsIgnoreCase("desc")
                    ? IndexKey.descending(columnName(column)) : IndexKey.column(columnName(column)));
        }
        return new CreateIndex(constraintName(index.getName()), qualifiedName(table), keys, index.isUnique(), null,
                false);
    }

    private AddConstraint addForeignKey(Table table, ForeignKey foreignKey) {
        Table referenced = foreignKey.getReferencedTable();
        List<String> referencedColumns = foreignKey.isReferenceToPrimaryKey() || foreignKey.getReferencedColumns().isEmpty()
                ? columnNames(referenced.getPrimaryKey().getColumns())
                : columnNames(foreignKey.getReferencedColumns());
        return new AddConstraint(qualifiedName(table),
                new TableConstraint.ForeignKey(constraintName(foreignKey.getName()), columnNames(foreignKey.getColumns()),
                        qualifiedName(referenced), referencedColumns,
                        onDelete(foreignKey), null));
    }

    private static ReferentialAction onDelete(ForeignKey foreignKey) {
        Object action = foreignKey.getOnDeleteAction();
        if (action == null) {
            return null;
        }
        return switch (action.toString()) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET_NULL" -> ReferentialAction.SET_NULL;
            case "SET_DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> null; // NO_ACTION: the database's default, which Hibernate does not write either.
        };
    }

    /**
     * Whether Hibernate's export creates sequences without a cache (its MariaDB dialect writes
     * {@code nocache}), asked of the dialect itself so that it follows the Hibernate on the class path.
     */
    private boolean exportWritesNoCache() {
        try {
            String create = metadata.getDatabase().getDialect().getSequenceSupport()
                    .getCreateSequenceString("migrate_probe", 1, 1).toLowerCase(java.util.Locale.ROOT);
            return create.contains("nocache") || create.contains("no cache");
        } catch (RuntimeException noSequences) {
            return false;
        }
    }

    /**
     * A constraint or index name as Hibernate writes it: unquoted, so folded like any identifier;
     * but with {@code hibernate.globally_quoted_identifiers} Hibernate keeps the generated name
     * already quoted for the dialect ({@code "FKql9..."}, {@code `FKql9...`}), which the database
     * stores as written.
     */
    private String constraintName(String name) {
        if (name != null && name.length() > 2 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`") || name.startsWith("[") && name.endsWith("]"))) {
            return name.substring(1, name.length() - 1);
        }
        return fold(name, false);
    }

    /**
     * The columns in the order Hibernate's DDL lists them (its column ordering strategy, 6.2 and
     * later; {@link MetadataReader} has applied it to the tables and keys already, this for metadata
     * read elsewhere).
     */
    private List<org.hibernate.mapping.Column> orderedColumns(Table table) {
        if (metadata instanceof org.hibernate.boot.spi.MetadataImplementor implementor) {
            List<org.hibernate.mapping.Column> ordered = implementor.getMetadataBuildingOptions().getColumnOrderingStrategy()
                    .orderTableColumns(table, metadata);
            if (ordered != null) {
                return ordered;
            }
        }
        return List.copyOf(table.getColumns());
    }

    private static boolean coveredByUniqueKey(Table table, org.hibernate.mapping.Column column) {
        return table.getUniqueKeys().values().stream()
                .anyMatch(key -> key.getColumns().size() == 1 && key.getColumns().get(0).equals(column));
    }

    /** The table in the schema it is placed in ({@link #placed}). */
    private QualifiedName qualifiedName(Table table) {
        return QualifiedName.of(placed(table.getQualifiedTableName().getCatalogName(),
                table.getQualifiedTableName().getSchemaName()), tableName(table));
    }

    /**
     * The schema an object lives in, as Hibernate's own DDL places it: on MariaDB and MySQL a schema
     * is a database, which Hibernate names by the catalog ({@code @Table(catalog = "audit")}; it
     * writes no schema there), elsewhere by the schema ({@code @Table(schema = "audit")}; the
     * catalog is the database itself). None, or the compared schema, is the compared schema.
     */
    private String placed(Identifier catalog, Identifier schemaName) {
        Identifier placed = mysqlFamily ? catalog : schemaName;
        if (placed == null) {
            return schema;
        }
        String name = fold(placed.getText(), placed.isQuoted());
        return schema != null && name.equalsIgnoreCase(schema) ? schema : name;
    }

    private String tableName(Table table) {
        return fold(table.getName(), table.isQuoted());
    }

    private String columnName(org.hibernate.mapping.Column column) {
        return fold(column.getName(), column.isQuoted());
    }

    private List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(this::columnName).collect(Collectors.toList());
    }

    /** How the database stores an identifier Hibernate writes unquoted, when the caller does not say. */
    static IdentifierCase usualFolding(String dialectClass) {
        if (dialectClass.contains("PostgreSQL")) {
            return IdentifierCase.LOWER;
        }
        if (dialectClass.contains("H2")) {
            return IdentifierCase.UPPER;
        }
        return IdentifierCase.AS_WRITTEN;
    }

    private String fold(String name, boolean quoted) {
        return quoted ? name : folding.fold(name);
    }
}
