// A local SMTP server for the tests: collects every mail it accepts, parsed; can refuse mail
// (a temporary 451 as a busy relay gives) or be down altogether, and come back on its port.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server';

export interface SmtpSink {
	port: number;
	/** The SMTP_URL the app under test sends to. */
	url: string;
	mails: ParsedMail[];
	/** Answer every mail with a temporary error instead of accepting it. */
	refuse(refusing: boolean): void;
	/** Resolves once at least `count` mails arrived (the test's own timeout bounds the wait). */
	waitForMails(count: number): Promise<ParsedMail[]>;
	/** Goes down: connections are refused until start() again. */
	stop(): Promise<void>;
	start(): Promise<void>;
}

export async function startSmtpSink(options: { down?: boolean } = {}): Promise<SmtpSink> {
	const port = await freePort();
	const mails: ParsedMail[] = [];
	const waiting: { count: number; resolve: (mails: ParsedMail[]) => void }[] = [];
	let refusing = false;
	let server: SMTPServer | undefined;

	function received(mail: ParsedMail): void {
		mails.push(mail);
		for (const waiter of waiting.filter((w) => mails.length >= w.count)) {
			waiting.splice(waiting.indexOf(waiter), 1);
			waiter.resolve(mails);
		}
	}

	function create(): SMTPServer {
		return new SMTPServer({
			authOptional: true,
			// Without a trusted certificate the app's client would refuse an offered STARTTLS.
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData(stream, _session, callback) {
				simpleParser(stream)
					.then((mail) => {
						if (refusing) {
							const error = new Error('Mailbox busy, try again later') as Error & {
								responseCode: number;
							};
							error.responseCode = 451;
							callback(error);
							return;
						}
						received(mail);
						callback();
					})
					.catch((err: Error) => callback(err));
			}
		});
	}

	const sink: SmtpSink = {
		port,
		url: `smtp://127.0.0.1:${port}`,
		mails,
		refuse(value) {
			refusing = value;
		},
		waitForMails(count) {
			if (mails.length >= count) return Promise.resolve(mails);
			return new Promise((resolve) => waiting.push({ count, resolve }));
		},
		async start() {
			server = create();
			await new Promise<void>((resolve, reject) => {
				server!.once('error', reject);
				server!.listen(port, '127.0.0.1', () => resolve());
			});
		},
		async stop() {
			const running = server;
			server = undefined;
			if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
		}
	};
	if (!options.down) await sink.start();
	return sink;
}
