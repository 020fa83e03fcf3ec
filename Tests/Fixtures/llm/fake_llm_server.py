#!/usr/bin/env python3
"""A scripted stand-in for Gemini's generateContent and OpenAI's chat/completions.

Listens on 127.0.0.1 (a free port, printed as the first line of stdout). The
first path segment picks the behaviour: success, 429-then-success, 500,
hang, malformed, invent. Requests without the expected key (argv[1]) get 401.
Every request's mode is appended to the log file argv[2], one per line.
"""
import json, re, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = sys.argv[1]
LOG = sys.argv[2]
seen = {}
lock = threading.Lock()


def facts(prompt):
    """The first contributor's title and share, from the prompt's fact lines."""
    m = re.search(r'^- "(.*)" \([^)]*\): ([0-9.]+)%$', prompt, re.M)
    return m.group(1), m.group(2)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers['Content-Length'])))
        mode = self.path.split('/')[1]
        gemini = ':generateContent' in self.path
        key = self.headers.get('x-goog-api-key') if gemini else (self.headers.get('Authorization') or '')[7:]
        with lock:
            with open(LOG, 'a') as log:
                log.write(mode + '\n')
            seen[mode] = seen.get(mode, 0) + 1
            count = seen[mode]
        if key != KEY:
            return self.reply(401, b'{"error": "bad key"}')
        if mode == '500':
            return self.reply(500, b'{"error": "boom"}')
        if mode == '429-then-success' and count == 1:
            return self.reply(429, b'{"error": "slow down"}', retry_after='0')
        if mode == 'hang':
            time.sleep(5)
            return self.reply(200, b'{}')
        if mode == 'malformed':
            return self.reply(200, b'{"candidates": [ oops')
        prompt = body['contents'][0]['parts'][0]['text'] if gemini else body['messages'][-1]['content']
        title, share = facts(prompt)
        if mode == 'invent':
            text = f'Because you loved "Galaxy Quest 7", and "{title}" adds {share}%.'
        else:
            text = f'You spent a lot of time on "{title}", which gives {share}% of this score.'
        if gemini:
            out = {'candidates': [{'content': {'parts': [{'text': text}]}}], 'usageMetadata': {'totalTokenCount': 42}}
        else:
            out = {'choices': [{'message': {'role': 'assistant', 'content': text}}], 'usage': {'total_tokens': 42}}
        self.reply(200, json.dumps(out).encode())

    def reply(self, status, data, retry_after=None):
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        if retry_after is not None:
            self.send_header('Retry-After', retry_after)
        self.end_headers()
        self.wfile.write(data)


server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
