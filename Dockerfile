# The forum as a container: built with the SDK, run on the smaller ASP.NET runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the package restore stays cached until a dependency changes.
COPY Directory.Build.props ./
COPY Forum.Core/Forum.Core.csproj Forum.Core/
COPY Forum.Data/Forum.Data.csproj Forum.Data/
COPY Forum.Web/Forum.Web.csproj Forum.Web/
RUN dotnet restore Forum.Web/Forum.Web.csproj
COPY migrations/ migrations/
COPY Forum.Core/ Forum.Core/
COPY Forum.Data/ Forum.Data/
COPY Forum.Web/ Forum.Web/
RUN dotnet publish Forum.Web/Forum.Web.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl answers the health check; the runtime image has no HTTP client of its own.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
# appsettings.json listens on localhost only; a container must listen on all interfaces.
ENV Urls=http://+:8080 \
    Forum__DataDirectory=/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Forum.Web.dll"]
