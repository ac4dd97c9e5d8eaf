# One image per service: docker build --build-arg SERVICE=logging-service -t hazelog/logging-service:0.1.0 .
# (docker compose -f deploy/compose/docker-compose.yml up --build builds the four that the compose file runs.)
# The base images are arguments, so that a machine without a registry can pass images of its own.
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
ARG SERVICE
WORKDIR /src
COPY . .
# The jar that ./mvnw package (or ./hazelog build) left in the clone is taken as it is; without one, all are built here.
RUN test -f "${SERVICE}/target/${SERVICE}.jar" || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package

FROM ${RUNTIME_IMAGE}
ARG SERVICE
# curl for the health checks, where the base image lacks it.
RUN command -v curl >/dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN useradd --system --home /app hazelog
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar app.jar
COPY --from=build /src/logging-service/hazelcast-jvm.args hazelcast-jvm.args
USER hazelog
# In a container every service listens on all of its interfaces; the network around it decides who reaches it. The
# JVM options are ./hazelog's for a logging service with a database behind it (docs/BENCHMARKS.md, "What was tried"); JAVA_OPTS
# replaces them, and HAZELOG_JAVA_OPTS adds to them, as it does for ./hazelog.
ENV SERVER_ADDRESS=0.0.0.0 \
    JAVA_OPTS="-XX:+UseSerialGC -Xms48m -Xmx128m -Xmn24m -XX:TrimNativeHeapInterval=2000"
# exec: the JVM is the container's first process, so docker stop's SIGTERM reaches it and it shuts down in order.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $HAZELOG_JAVA_OPTS @hazelcast-jvm.args -jar app.jar"]
