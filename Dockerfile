# syntax=docker/dockerfile:1
# Lookbook's production server (`npm start`), see README → Deploy and docs/decisions/0011-production-server.md.
#   docker build -t lookbook .
#   docker run --rm -p 8080:8080 -e LOOKER_BASE_URL=… -e LOOKER_CLIENT_ID=… -e LOOKER_CLIENT_SECRET=… lookbook
# server/deployment.test.ts runs this file's runtime stage on the host: the same commands, the same files.

# --- build: every dependency, the app (dist/) and the server bundle (dist-server/) ------------------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are skipped, as npm 11 does by default: none is needed to build.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: the built output and production dependencies only (today none: the server uses Node's own
# modules and the app's libraries are bundled into dist/ at build time) --------------------------------
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
# The image's unprivileged user; the files stay root-owned and read-only to it.
USER node
EXPOSE 8080
# Node, not curl: the slim image has no curl. /healthz answers while the process is up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npm start` without npm in between: SIGTERM from `docker stop` reaches the server directly.
CMD ["node", "--enable-source-maps", "dist-server/main.js"]
