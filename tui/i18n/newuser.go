package i18n

// newUserFixes are the words a first run by a new user found missing:
// the Review screen's own documents when none waits for others.
var newUserFixes = map[string]Text{
	"review.empty_mine": {"没有您制作、待他人审核的单据", "nothing of yours waits for others"},
}
