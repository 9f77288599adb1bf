package customers

import (
	"reflect"
	"testing"
)

func TestChangedFieldsNamesWhatDiffers(t *testing.T) {
	before := `{"id":3,"name":"沈阳钢铁","phone":"024-1","credit_limit":0,"version":1,"updated_at":"a","notes":""}`
	after := `{"id":3,"name":"沈阳钢铁","phone":"024-2","credit_limit":5000000,"version":2,"updated_at":"b","notes":"x","new_col":1}`
	got := changedFields(before, after)
	want := []string{"phone", "credit_limit", "notes", "new_col"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("changed %v, want %v", got, want)
	}
	if got := changedFields("not json", after); got != nil {
		t.Fatalf("bad JSON gave %v", got)
	}
}
