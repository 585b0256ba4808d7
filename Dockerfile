# One image for every process of the hub (the gateway, the subgraphs, the web
# app's server, the migrations); docker-compose.yml and deploy/kubernetes/ pick
# the entry.
#
# "build" has every dependency, so that the Prisma CLI (a dev dependency) can
# generate the clients. The image shipped, "production", installs the runtime
# dependencies alone (deploy/production-tree.ts says why one more step) and
# takes from "build" only the generated clients: no dev dependency reaches it
# — not vitest, not the Prisma CLI, not the benchmark's peer gateway
# (@apollo/gateway, under the Elastic License). test/production-image.test.ts
# checks the licences of what it installs and that the code it runs needs
# nothing else.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
# The Prisma clients, and the web app built into web/dist (its server runs from the image too).
RUN node --import tsx scripts/generate.ts && node --import tsx web/build.ts

FROM node:24-bookworm-slim AS production
WORKDIR /app
ENV NODE_ENV=production
# The image has Node 24; the registry-packaged Node binary is a dev dependency.
COPY package.json package-lock.json tsconfig.json ./
COPY deploy/production-tree.ts deploy/
RUN npm ci --omit=dev --ignore-scripts \
  && node --import tsx deploy/production-tree.ts \
  && npm cache clean --force
COPY gateway gateway
COPY services services
COPY demo demo
COPY schema schema
COPY identity identity
COPY web web
COPY --from=build /app/prisma prisma
COPY --from=build /app/web/dist web/dist
USER node
