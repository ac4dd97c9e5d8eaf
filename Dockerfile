# One image per service: docker build --build-arg SERVICE=logging-service -t hazelog/logging-service .
# (docker compose -f deploy/compose/docker-compose.yml build does all five.)
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:25-jre
ARG SERVICE
# curl for the health checks of docker compose.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app hazelog
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar app.jar
COPY --from=build /src/logging-service/hazelcast-jvm.args hazelcast-jvm.args
USER hazelog
# In a container every service listens on all of its interfaces; the network around it decides who reaches it.
ENV SERVER_ADDRESS=0.0.0.0 JAVA_OPTS=-Xmx512m
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS @hazelcast-jvm.args -jar app.jar"]
