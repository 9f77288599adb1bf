package i18n

var review = map[string]Text{}
