"""A real SMTP server on loopback for tests: accepts every message and writes it, raw, as one
file per message into a folder (written to a temporary name, then renamed, so a reader never
sees half a message)."""
import asyncio, os, sys, uuid
from aiosmtpd.controller import Controller

host, port, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]

class Sink:
    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        tmp = os.path.join(folder, "." + name)
        with open(tmp, "wb") as f:
            f.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
            f.write(b"X-Envelope-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, os.path.join(folder, name + ".eml"))
        return "250 OK"

controller = Controller(Sink(), hostname=host, port=port)
controller.start()
try:
    asyncio.get_event_loop().run_forever()
finally:
    controller.stop()
