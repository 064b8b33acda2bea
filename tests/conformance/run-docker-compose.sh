#!/usr/bin/env bash
# docker/docker-compose.yml checked by `docker-compose config` (docker/validate.sh).
exec bash "$(dirname "$0")/../../docker/validate.sh"
