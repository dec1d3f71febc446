"""The page `assess serve` sends a browser: textual-serve's, with nothing from the internet.

textual-serve's own page loads its font from fonts.googleapis.com and has no
title. This one uses the Roboto Mono files textual-serve ships in its static
folder, is titled with the case's title, and adds one script of ours: it waits
for the font before the terminal measures its cells, shows why a session was
closed or refused (the WebSocket's close reason) and wires the Restart buttons
(no inline handlers: the Content-Security-Policy allows only this nonce's script).
"""

from __future__ import annotations

import html
from string import Template

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
"""Only this server: no request can leave the machine. xterm.js injects <style> elements,
hence 'unsafe-inline' for styles (never for scripts)."""

_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="referrer" content="no-referrer">
    <title>$title</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/static/css/xterm.css">
    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("/static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: normal;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("/static/fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: italic;
      }
      body { background: #0c181f; }
      .dialog-container {
        position: absolute; width: 100vw; height: 100vh; z-index: 10;
        display: flex; align-items: center; justify-content: center;
      }
      .shade {
        position: absolute; width: 100%; height: 100%;
        background: #0c181f url("/static/images/background.png");
      }
      .intro {
        width: 640px; min-height: 240px; margin: 32px; padding: 0 32px; z-index: 20;
        display: flex; flex-direction: column; align-items: center; justify-content: center;
        font: 16px "Roboto Mono", menlo, monospace; text-align: center;
        color: rgba(255, 255, 255, 0.95); background-color: #12232d;
      }
      body.-first-byte .intro-dialog { display: none; }
      body .textual-terminal { opacity: 0; transition: opacity 0.3s ease-out; }
      body.-first-byte .textual-terminal { opacity: 1; }
      button {
        padding: 16px 32px; margin: 16px; border: none; cursor: pointer;
        font-family: "Roboto Mono", menlo, monospace;
        color: rgba(255, 255, 255, 0.95); background-color: #5e0ba7;
      }
      button:hover { background: #ac5af4; }
      .closed-dialog { display: none; }
      body.-closed .closed-dialog { display: flex; }
      #start { display: none; }
      #start.-delay { display: block; }
    </style>
    <script src="/static/js/textual.js"></script>
    <script nonce="$nonce">
      (() => {
        // Keep why a session was closed or refused, to show it instead of "Session ended."
        const NativeWebSocket = window.WebSocket;
        window.WebSocket = class extends NativeWebSocket {
          constructor(...args) {
            super(...args);
            let opened = false;
            this.addEventListener("open", () => { opened = true; });
            this.addEventListener("close", (event) => {
              const message = document.querySelector(".closed-dialog .message");
              if (event.reason) message.textContent = event.reason;
              else if (!opened) message.textContent = "Could not connect: the server has stopped, "
                + "or this page is from an earlier run (open the link assess serve printed).";
            });
          }
        };
        // textual.js opens the terminal on load; let it measure its cells in our font.
        const start = window.onload;
        window.onload = (event) => {
          const fonts = Promise.all(["16px 'Roboto Mono'", "bold 16px 'Roboto Mono'"]
            .map((font) => document.fonts.load(font)));
          const late = new Promise((resolve) => setTimeout(resolve, 3000));
          Promise.race([fonts, late]).catch(() => {}).finally(() => start(event));
        };
        document.addEventListener("DOMContentLoaded", () => {
          for (const button of document.querySelectorAll("button.restart")) {
            button.addEventListener("click", () => {
              const params = new URLSearchParams(window.location.search);
              params.delete("delay");
              const query = params.toString();
              window.location.href = window.location.pathname + (query ? "?" + query : "");
            });
          }
        });
      })();
    </script>
  </head>
  <body>
    <div class="dialog-container intro-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div>$title</div>
        <button type="button" class="restart" id="start">Start</button>
      </div>
    </div>
    <div class="dialog-container closed-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div class="message">Session ended.</div>
        <button type="button" class="restart">Restart</button>
      </div>
    </div>
    <div id="terminal" class="textual-terminal"
         data-session-websocket-url="$websocket" data-font-size="$font_size"></div>
  </body>
</html>
""")


def render_page(title: str, websocket_url: str, size: int, nonce: str) -> str:
    """The page, every value escaped: text from a case file is text, never markup."""
    values = {"title": title, "websocket": websocket_url, "font_size": str(size), "nonce": nonce}
    return _PAGE.substitute({key: html.escape(value, quote=True) for key, value in values.items()})
