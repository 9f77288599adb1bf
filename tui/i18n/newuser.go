package i18n

// newUserFixes are the words a first run by a new user found missing:
// the Review screen's own documents when none waits for others, one of
// a count (Count), the complaint types' hint in English.
var newUserFixes = map[string]Text{
	"review.empty_mine":         {"没有您制作、待他人审核的单据", "nothing of yours waits for others"},
	"complaints.age.one":        {"已 %d 天", "%d day old"},
	"complaints.type_hint_item": {"%d%s", "%d %s"},
	"complaints.type_hint_more": {" %d%s", " · %d %s"}, // every item after the first
}
