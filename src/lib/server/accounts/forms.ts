// The account forms' input, validated the one way the app validates.
import * as v from 'valibot';
import { roles } from '../db/schema';
import { emailField, passwordField, requiredText } from '../http/forms';

/** The page to return to after signing in; longer than any of the app's own addresses. */
const maxNextPathLength = 2000;

export const nameField = requiredText('Ihren Namen', 120);

export const rolesField = v.pipe(
	v.array(v.picklist(roles, 'Unbekannte Rolle.')),
	v.minLength(1, 'Bitte wählen Sie mindestens eine Rolle.'),
	// One order everywhere: from the widest role to the narrowest.
	v.transform((list) => roles.filter((role) => list.includes(role)))
);

export const SignInForm = v.object({
	email: emailField,
	password: passwordField,
	weiter: v.optional(
		v.pipe(
			v.string(),
			v.maxLength(maxNextPathLength, 'Die Adresse, zu der Sie zurückkehren, ist zu lang.')
		),
		''
	)
});

/** "Passwort vergessen": the address only. */
export const ResetRequestForm = v.object({ email: emailField });

export const InviteForm = v.object({ email: emailField, roles: rolesField });

export const RolesForm = v.object({
	userId: v.pipe(v.string(), v.uuid('Unbekannte Person.')),
	roles: rolesField
});

export const MemberForm = v.object({ userId: v.pipe(v.string(), v.uuid('Unbekannte Person.')) });

export const NewPasswordForm = v.pipe(
	v.object({ password: passwordField, passwordRepeat: v.string() }),
	v.check(
		(form) => form.password === form.passwordRepeat,
		'Die beiden Passwörter stimmen nicht überein.'
	)
);

export const AcceptNewForm = v.pipe(
	v.object({ name: nameField, password: passwordField, passwordRepeat: v.string() }),
	v.check(
		(form) => form.password === form.passwordRepeat,
		'Die beiden Passwörter stimmen nicht überein.'
	)
);

export const AcceptExistingForm = v.object({ password: passwordField });

export const NameForm = v.object({ name: nameField });

/** Name and e-mail address of someone else's account, as its managers change them. */
export const AccountProfileForm = v.object({ name: nameField, email: emailField });

export const PasswordChangeForm = v.pipe(
	v.object({
		currentPassword: passwordField,
		password: passwordField,
		passwordRepeat: v.string()
	}),
	v.check(
		(form) => form.password === form.passwordRepeat,
		'Die beiden neuen Passwörter stimmen nicht überein.'
	)
);
