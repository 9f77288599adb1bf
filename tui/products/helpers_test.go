package products_test

import "orderdesk/workflow"

func productInput(grade, name string) workflow.ProductInput {
	return workflow.ProductInput{Grade: grade, Name: name, Unit: "t"}
}
