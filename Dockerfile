# One image for every process of the hub; docker-compose.yml picks the entry.
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# The registry-packaged Node binary is not needed here: the image has Node 24.
RUN npm ci --ignore-scripts
COPY . .
RUN node --import tsx scripts/generate.ts
ENV NODE_ENV=production
USER node
