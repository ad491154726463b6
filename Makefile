# Tribu: the two commands of the README.
#   make run   installs what is missing, builds and opens the app
#   make test  installs what is missing and runs all test tiers
# Both work on a fresh Debian 12 / Ubuntu machine (root or sudo).

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(CURDIR)/target
APP := $(CARGO_TARGET_DIR)/debug/tribu
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages: the Tauri build, the end-to-end tests, PDFs and screenshots.
# libclang: SQLite is built with its pre-update hook (how the store sees
# what each write changed), whose Rust bindings are generated at build time.
APT_PACKAGES := build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libsoup-3.0-dev \
  libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev \
  libclang-dev \
  xvfb xauth webkit2gtk-driver dbus-x11 dunst xdotool xdg-utils poppler-utils imagemagick

.PHONY: run test dev deps deps-system deps-npm deps-driver ui build test-core test-ui test-e2e lint bench bindings screenshot

run: deps build
	$(APP)

test: deps ui lint test-core test-ui build test-e2e

# For contributors: the app against Vite's dev server, the UI reloading as
# you save (`tauri dev` from @tauri-apps/cli, pinned in ui/). The shell is
# built without the embedded UI; Rust changes rebuild and restart it.
dev: deps-system deps-npm
	cd src-tauri && ../ui/node_modules/.bin/tauri dev -- --no-default-features

deps: deps-system deps-npm deps-driver

deps-system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

deps-npm: ui/node_modules/.stamp

ui/node_modules/.stamp: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

deps-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version ^2 --locked

ui: deps-npm
	cd ui && npm run build

# The debug app, with the UI of ui/dist embedded, as the tests drive it.
build: ui
	cargo build -p tribu

test-core:
	cargo test --workspace

test-ui: deps-npm
	cd ui && npm test

# The real binary through tauri-driver + WebKitWebDriver, in a virtual X
# display and a private D-Bus session.
test-e2e:
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" \
	  dbus-run-session -- node --test --test-concurrency=1 tests/e2e/

lint: deps-npm
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

bench: build
	cargo bench -p tribu-core --bench storage
	cargo bench -p tribu-core --bench schedule
	cargo bench -p tribu-core --bench brands
	cargo bench -p tribu-core --bench journal
	cargo bench -p tribu-pdf --bench charter
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" node tests/bench/month-render.mjs
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- node tests/bench/kpi-charts.mjs
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- node tests/bench/idle-cpu.mjs
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- node tests/bench/brand-switch.mjs
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- node tests/bench/journal-drops.mjs

# Regenerates what the UI imports from Rust: the types (ts-rs) and the
# command wrappers (src-tauri/src/commands/bindings.rs). Tests fail when the
# committed files are stale.
bindings:
	TRIBU_WRITE_BINDINGS=1 cargo test -p tribu-core --test bindings
	TRIBU_WRITE_BINDINGS=1 cargo test -p tribu --lib commands::bindings

screenshot: build
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" node tests/tools/readme-screenshot.mjs
