#!/usr/bin/env python3
"""Writes spark-4.0.4-api.txt: the public Java-callable members of Spark 4.0.4's user-facing
classes, read with javap from the Spark jars in ~/.m2 (Spark is never a build dependency).

Line format: <spark class>|<static|instance|ctor>|<name>|<erased param types, comma separated>
Run: python3 conformance/api-audit/spark_api_snapshot.py > conformance/api-audit/spark-4.0.4-api.txt
"""
import glob, os, re, subprocess, zipfile

M2 = os.path.expanduser("~/.m2/repository/org/apache/spark")
JARS = [f"{M2}/{a}/4.0.4/{a}-4.0.4.jar" for a in
        ("spark-sql-api_2.13", "spark-sql_2.13", "spark-catalyst_2.13", "spark-core_2.13",
         "spark-common-utils_2.13")]
SQL = "org/apache/spark/sql/"
TOP = ["Dataset", "Column", "functions", "RelationalGroupedDataset", "KeyValueGroupedDataset",
       "DataFrameReader", "DataFrameWriter", "DataFrameWriterV2", "DataFrameNaFunctions",
       "DataFrameStatFunctions", "SparkSession", "SparkSession$Builder", "RuntimeConfig", "Row",
       "RowFactory", "Encoders", "TypedColumn", "Observation", "ForeachWriter", "UDFRegistration",
       "SaveMode", "catalog/Catalog", "expressions/Window", "expressions/WindowSpec",
       "expressions/Aggregator", "expressions/UserDefinedFunction"]
# Scala-only helpers of case classes and objects: not part of the Java surface.
SKIP = {"productArity", "productElement", "productIterator", "productPrefix", "productElementName",
        "productElementNames", "canEqual", "curried", "tupled", "unapply", "unapplySeq",
        "readResolve", "writeReplace"}
SCALA = [j for j in glob.glob(os.path.expanduser(
    "~/.m2/repository/org/scala-lang/scala-library/2.13*/scala-library-2.13*.jar"))][:1]
# StructType is a scala Seq[StructField]: the collection methods it inherits are not Spark's API.
SCALA_SEQ = set()
for trait in ("SeqOps", "IterableOps", "IterableOnceOps", "Iterable", "Seq", "immutable.Seq",
              "immutable.SeqOps", "StrictOptimizedSeqOps", "IterableOnce", "AbstractSeq",
              "AbstractIterable", "IterableFactoryDefaults", "immutable.Iterable"):
    out = subprocess.run(["javap", "-public", "-cp", SCALA[0], "scala.collection." + trait],
                         capture_output=True, text=True).stdout
    SCALA_SEQ |= set(re.findall(r" (\w+)\(", out))
for fn in ("scala.PartialFunction", "scala.Function1"):
    out = subprocess.run(["javap", "-public", "-cp", SCALA[0], fn], capture_output=True, text=True).stdout
    SCALA_SEQ |= set(re.findall(r" (\w+)\(", out))
SCALA_SEQ -= {"equals", "hashCode", "toString", "apply", "length", "size", "iterator"}
# Spark's internal Logging trait, mixed into several public classes.
LOGGING = re.compile(r"log(Name|Trace|Debug|Info|Warning|Error|BasedOnLevel)?$|initializeLog.*|initializeForcefully"
                     r"|isTraceEnabled|withLogContext|LogStringContext")


def wanted(name):
    n = name[:-len(".class")]
    rel = n[len(SQL):] if n.startswith(SQL) else None
    if rel in TOP:
        return True
    if rel and re.fullmatch(r"(streaming|types)/[A-Za-z0-9]+(\$[A-Za-z]+Event)?", rel):
        return not re.search(r"Python|SafeJson|EventParser|TestGroupState|Expression$|ExactNumeric$", rel)
    return re.fullmatch(r"org/apache/spark/api/java/function/[A-Za-z0-9]+", n) is not None \
        and not n.endswith("/package")


def erase(t):
    while "<" in t:
        t = re.sub(r"<[^<>]*>", "", t)
    return t.strip()


def params(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        depth += ch == "<"
        depth -= ch == ">"
        if ch == "," and depth == 0:
            out.append(cur); cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return [erase(p).replace("...", "[]") for p in out]


classes = sorted({n[:-6].replace("/", ".") for j in JARS for n in zipfile.ZipFile(j).namelist()
                  if n.endswith(".class") and wanted(n)})
cp = ":".join(JARS)
for cls in classes:
    text = subprocess.run(["javap", "-public", "-cp", cp, cls], capture_output=True, text=True).stdout
    header = text.splitlines()[1] if len(text.splitlines()) > 1 else ""
    if " class " not in header and " interface " not in header:
        continue
    simple = cls.split(".")[-1]
    # A constructor of an abstract class or interface is not something a Java user calls.
    abstract = " abstract " in f" {header} " or " interface " in header
    seen = set()
    for line in text.splitlines()[2:]:
        m = re.match(r"\s*public (.*?)(\S+)\((.*)\)( throws .*)?;$", line)
        if not m:
            continue
        mods, name, ps = m.group(1), m.group(2), m.group(3)
        if "$" in name or name in SKIP or name.startswith("copy") or LOGGING.match(name):
            continue
        kind = "ctor" if name == cls else ("static" if "static " in mods else "instance")
        if (kind == "static" and name == "apply") or (simple == "StructType" and name in SCALA_SEQ):
            continue
        if kind == "ctor":
            if abstract:
                continue
            name = "<init>"
        row = f"{cls}|{kind}|{name}|{','.join(params(ps))}"
        if row not in seen:
            seen.add(row)
            print(row)
