# Sourced by bench/start.sh, load.sh and earnings.sh: the production run command's JVM flags
# (docs/operations.md, Production), the AppCDS archive included when the build made one. Sets
# JAVA_OPTS (kept when given) and exports MALLOC_ARENA_MAX.
DEFAULT_OPTS="-XX:+UseSerialGC -Xmx96m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k"
[ -f target/quarkus-app/app-cds.jsa ] && DEFAULT_OPTS="$DEFAULT_OPTS -XX:SharedArchiveFile=app-cds.jsa"
JAVA_OPTS=${JAVA_OPTS-$DEFAULT_OPTS}
# glibc keeps one malloc arena per thread by default; the production command caps them at 2 (MALLOC_ARENA_MAX=).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}
